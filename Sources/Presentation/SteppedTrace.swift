/// A trace rendered as lines in three parts, so a front end can print the rows one at a time
/// (`quiz course run --step` waits between rows).
public protocol SteppedTrace {
    /// What ran on what, and the legend.
    var header: [String] { get }
    /// One line per step.
    var rows: [String] { get }
    /// The result.
    var footer: [String] { get }
}

extension TraceRenderer: SteppedTrace {}
extension StructureTraceRenderer: SteppedTrace {}
