import Foundation
import PresserCore

/// The values a figure as printed allows: "150 million" is 149.5 to 150.5 million (half a unit of
/// its last digit), "over 40%" is 40 and up, "nearly 400 billion" is within 5% of 400 billion.
struct ValueRange: Sendable, Equatable {
    var low: Double
    var high: Double

    init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    /// The range a claim allows, from its precision and qualifier.
    init(_ claim: Claim) {
        let v = claim.value
        let h = Self.halfUnit(claim)
        let top = (claim.upper ?? v) + h
        switch claim.qualifier {
        case .exact: self.init(low: v - h, high: top)
        case .approximately: self.init(low: min(v - h, v * 0.95), high: max(top, (claim.upper ?? v) * 1.05))
        case .moreThan, .atLeast: self.init(low: v, high: .infinity)
        case .lessThan, .atMost: self.init(low: -.infinity, high: claim.upper ?? v)
        }
    }

    func intersects(_ other: ValueRange) -> Bool { low <= other.high && other.low <= high }

    /// How far apart two ranges are (0 when they meet).
    func distance(to other: ValueRange) -> Double {
        if intersects(other) { return 0 }
        return high < other.low ? other.low - high : low - other.high
    }

    func widened(by slack: Double) -> ValueRange { ValueRange(low: low - slack, high: high + slack) }

    /// Half a unit of the last digit printed: 0.005e12 for "1.22 trillion", 0.05 for "6.1%",
    /// 0.5 for "2,385,300". A number in words ("one trillion") is taken to its leading digit.
    static func halfUnit(_ claim: Claim) -> Double {
        guard let literal = NumberLiteral(claim.text), literal.value > 0 else {
            let magnitude = abs(claim.value)
            guard magnitude >= 10 else { return 0.5 }
            return 0.5 * pow10(Int((log10(magnitude)).rounded(.down)))
        }
        let scale = claim.value / literal.value
        // A count printed in full ("17", "2,131") is exact: people are not rounded to halves.
        if claim.kind == .count, literal.decimals == 0, scale == 1 { return 0 }
        return 0.5 * pow10(-literal.decimals) * abs(scale)
    }

    private static func pow10(_ n: Int) -> Double {
        var r = 1.0
        if n >= 0 { for _ in 0..<n { r *= 10 } } else { for _ in 0..<(-n) { r /= 10 } }
        return r
    }
}
