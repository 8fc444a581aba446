/// Why a command failed, as the user reads it: each message is printed once as
/// `quiz: error: …` on stderr by `Quiz.main`, which then exits with `exitCode` (2: usage or
/// I/O, the convention every command shares).
struct CommandFailure: Error {
    var messages: [String]
    var exitCode: Int32

    init(_ message: String, exitCode: Int32 = 2) {
        self.init(messages: [message], exitCode: exitCode)
    }

    init(messages: [String], exitCode: Int32 = 2) {
        self.messages = messages
        self.exitCode = exitCode
    }
}
