#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library calls of QuizEngine other than files (those are in POSIXFile.swift): the
/// only other file of the module that imports a platform module, so a port touches two files.
enum CLibrary {
    /// `pow(base, exponent)`: py-fsrs computes with C's `pow`, and the scheduler must match
    /// it to the last bit.
    static func power(_ base: Double, _ exponent: Double) -> Double { pow(base, exponent) }

    /// The number of processors online (at least 1), for splitting work across cores.
    static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// `memcmp` of `count` bytes: negative, zero or positive as `a` sorts before, equal to or
    /// after `b`.
    static func compareBytes(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int) -> Int32 {
        memcmp(a, b, count)
    }

    /// A wall-clock reading in the process's time zone (`TZ`).
    struct LocalTime: Equatable {
        /// The year, such as 2026.
        var year: Int
        /// 1...12.
        var month: Int
        /// 1...31.
        var day: Int
        var hour: Int
        var minute: Int
    }

    /// The local time of `seconds` since the epoch (`localtime_r`).
    static func localTime(_ seconds: Int64) -> LocalTime {
        var time = time_t(seconds)
        var parts = tm()
        localtime_r(&time, &parts)
        return LocalTime(
            year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday),
            hour: Int(parts.tm_hour), minute: Int(parts.tm_min))
    }

    /// The seconds since the epoch of a local wall-clock time (`mktime` with `tm_isdst = -1`,
    /// so it picks the zone's offset for that moment); `day` may overflow the month, mktime
    /// normalises it, and returns the normalised day of the month with the seconds.
    static func seconds(year: Int, month: Int, day: Int, hour: Int) -> (seconds: Int64, day: Int) {
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_isdst = -1
        let seconds = Int64(mktime(&parts))
        return (seconds, Int(parts.tm_mday))
    }

    /// `count` bytes of zeroed memory mapped from the kernel (`mmap`), or nil if it refuses.
    ///
    /// Memory that `free` takes back stays with the C heap's arena of the thread that
    /// allocated it; a mapping goes back to the kernel when it is unmapped, whichever thread
    /// allocated it.
    static func mapMemory(_ count: Int) -> UnsafeMutableRawBufferPointer? {
        let pointer = mmap(nil, count, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let pointer, pointer != MAP_FAILED else { return nil }
        return UnsafeMutableRawBufferPointer(start: pointer, count: count)
    }

    /// Unmaps memory from ``mapMemory(_:)``.
    static func unmapMemory(_ memory: UnsafeMutableRawBufferPointer) {
        if let base = memory.baseAddress { munmap(base, memory.count) }
    }
}
