/// Python's `timedelta` arithmetic, reproduced to the microsecond.
///
/// py-fsrs builds every duration with `timedelta`, and its rounding decides the due
/// time: `timedelta(days: 0.01)`, a 90.5-second learning step, a Hard step of
/// `steps[0] * 1.5`. Matching py-fsrs "exactly on due" therefore means matching
/// CPython's `_datetimemodule.c`, not just rounding `x * 86_400e6`.
enum PythonTimedelta {
    /// `timedelta(<unit>=value)` in microseconds, as CPython's `delta_new` computes it.
    ///
    /// CPython splits the float into integer and fractional parts (`modf`), multiplies
    /// the integer part by the unit exactly (big-integer arithmetic), multiplies the
    /// fractional part by the unit in floating point, keeps that product's integer
    /// part, and rounds the leftover fraction half to even against the running total.
    ///
    /// - Parameters:
    ///   - value: the number of units (days, seconds); finite.
    ///   - unit: microseconds per unit (86_400_000_000 for days, 1_000_000 for seconds).
    static func microseconds(_ value: Double, unit: Int64) -> Int64 {
        let integral = value.rounded(.towardZero)
        let fraction = value - integral  // exact: this is modf
        var total = Int64(integral) * unit
        if fraction == 0 { return total }
        let scaled = Double(unit) * fraction
        let scaledIntegral = scaled.rounded(.towardZero)
        let leftover = scaled - scaledIntegral
        total += Int64(scaledIntegral)
        if leftover != 0 {
            // C's round() is half away from zero; CPython corrects exact halves to even.
            var whole = leftover.rounded(.toNearestOrAwayFromZero)
            if abs(whole - leftover) == 0.5 {
                let odd = Double(total & 1)
                whole = 2.0 * ((leftover + odd) * 0.5).rounded(.toNearestOrAwayFromZero) - odd
            }
            total += Int64(whole)
        }
        return total
    }

    /// `numerator / denominator` rounded to the nearest integer, ties to even, as
    /// CPython's `divide_nearest` (used by `timedelta * float` and `timedelta / float`).
    static func divideNearest(_ numerator: Int64, _ denominator: Int64) -> Int64 {
        let quotient = floorDivide(numerator, denominator)
        let remainder = numerator - quotient * denominator
        // remainder has the sign of the denominator; compare twice it with the divisor.
        let twice = 2 * remainder
        if denominator > 0 {
            if twice > denominator || (twice == denominator && quotient & 1 == 1) { return quotient + 1 }
        } else {
            if twice < denominator || (twice == denominator && quotient & 1 == 1) { return quotient + 1 }
        }
        return quotient
    }

    /// Integer division rounded toward −∞ (Python's `//`).
    static func floorDivide(_ numerator: Int64, _ denominator: Int64) -> Int64 {
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        return (remainder != 0 && (remainder < 0) != (denominator < 0)) ? quotient - 1 : quotient
    }
}
