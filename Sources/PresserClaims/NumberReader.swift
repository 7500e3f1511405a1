import Foundation
import PresserCore

/// Reads a number at a token: digits with separators and decimals, vulgar and slash fractions
/// ("5¼", "4-3/4", "1/4"), number words in English and Spanish ("nine", "twenty-five", "a million",
/// "treinta y cinco"), and a scale word after it ("1.22 trillion", "3.8 millones", "$4bn").
struct NumberRead: Sendable, Equatable {
    var value: Double
    /// The token after the number (and its scale).
    var end: Int
    /// True when the number was written in words.
    var inWords: Bool
    /// A plain integer of four digits (maybe a year).
    var looksLikeYear: Bool
}

enum NumberReader {
    static let englishUnits: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let spanishUnits: [String: Double] = [
        "cero": 0, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
        "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
        "dieciséis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiuno": 21,
        "veintidós": 22, "veintitrés": 23, "veinticuatro": 24, "veinticinco": 25, "veintiséis": 26,
        "veintisiete": 27, "veintiocho": 28, "veintinueve": 29, "treinta": 30, "cuarenta": 40,
        "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100,
        "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300, "trescientas": 300,
        "cuatrocientos": 400, "cuatrocientas": 400, "quinientos": 500, "quinientas": 500,
        "seiscientos": 600, "seiscientas": 600, "setecientos": 700, "setecientas": 700,
        "ochocientos": 800, "ochocientas": 800, "novecientos": 900, "novecientas": 900,
    ]
    /// Scale words after a number, with their factor.
    static let scales: [String: Double] = [
        "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "millions": 1e6,
        "billions": 1e9, "bn": 1e9, "mn": 1e6, "mil": 1e3, "millón": 1e6, "millones": 1e6, "billón": 1e12,
        "billones": 1e12,
    ]

    /// `value × factor` for a power-of-ten factor, without binary rounding noise: 1.09 × 10¹²
    /// is 1090000000000, not 1090000000000.0001 (the product is parsed back from decimal).
    static func scaled(_ value: Double, by factor: Double) -> Double {
        let exponent = log10(factor).rounded()
        guard pow(10, exponent) == factor, let exact = Double("\(value)e\(Int(exponent))") else {
            return value * factor
        }
        return exact
    }

    /// Reads a number starting at `i`, or nil.
    /// `spanish` allows Spanish number words ("once" is eleven only in Spanish).
    static func read(_ t: [Token], at i: Int, spanish: Bool) -> NumberRead? {
        guard i < t.count else { return nil }
        if t[i].isNumber { return readDigits(t, at: i) }
        if t[i].isWord { return readWords(t, at: i, spanish: spanish) }
        return nil
    }

    private static func digitsValue(_ text: String) -> (Double, Bool)? {
        // Most numbers are digits with at most one decimal point ("2020", "6.1"), which `Double`
        // reads as they are (the general reading below: 0.10 → 0.02 ms a briefing).
        var points = 0
        if text.utf8.allSatisfy({ byte in
            if byte == UInt8(ascii: ".") { points += 1 }
            return byte == UInt8(ascii: ".") || (byte >= 0x30 && byte <= 0x39)
        }), points <= 1, let value = Double(text) {
            return (value, points == 0 && text.utf8.count == 4)
        }
        var scalars = Array(text.unicodeScalars)
        var fraction = 0.0
        if let last = scalars.last, Tokenizer.isFraction(last) {
            fraction = Tokenizer.fractionValue(last)
            scalars.removeLast()
            if scalars.isEmpty { return (fraction, false) }
        }
        var s = String(String.UnicodeScalarView(scalars))
        // "1,234,567" thousands; "3,8" a decimal comma.
        let groups = s.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            let thousands = groups.dropFirst().allSatisfy {
                $0.count == 3 || ($0.count > 3 && $0.containsBytes(".") && $0.split(separator: ".")[0].count == 3)
            }
            s = thousands ? groups.joined() : groups.joined(separator: ".")
        }
        let dots = s.split(separator: ".", omittingEmptySubsequences: false)
        if dots.count > 2 {
            // "1.234.567": dots as thousands separators.
            s = dots.joined()
        }
        guard let value = Double(s) else { return nil }
        let year = !text.containsBytes(",") && !text.containsBytes(".") && text.unicodeScalars.count == 4
        return (value + fraction, year)
    }

    private static func readDigits(_ t: [Token], at i: Int) -> NumberRead? {
        guard var (value, year) = digitsValue(t[i].text) else { return nil }
        var end = i + 1
        // "4-3/4": a whole number, a hyphen, a slash fraction, all glued.
        if end + 3 < t.count, t[end].is(sign: "-"), !t[end].spaceBefore, t[end + 1].isNumber, !t[end + 1].spaceBefore,
            t[end + 2].is(sign: "/"), !t[end + 2].spaceBefore, t[end + 3].isNumber, !t[end + 3].spaceBefore,
            let a = Double(t[end + 1].text), let b = Double(t[end + 3].text), b > 0, a < b
        {
            value += a / b
            end += 4
            year = false
        } else if end + 1 < t.count, t[end].is(sign: "/"), !t[end].spaceBefore, t[end + 1].isNumber,
            !t[end + 1].spaceBefore, let b = Double(t[end + 1].text), b > 0, value < b
        {
            // "1/4"
            value /= b
            end += 2
            year = false
        }
        // A scale: "1.22 trillion", "3 mil millones", "$4bn" (glued).
        if end < t.count, t[end].isWord, let factor = scales[t[end].lower], t[end].lower != "hundred" || value < 100 {
            if t[end].lower == "mil", end + 1 < t.count, t[end + 1].lower == "millones" {
                value = scaled(value, by: 1e9)
                end += 2
            } else {
                value = scaled(value, by: factor)
                end += 1
                // "3 mil 200" is 3,200.
                if t[end - 1].lower == "mil", end < t.count, t[end].isNumber, let rest = Double(t[end].text),
                    rest < 1000,
                    end + 1 >= t.count || NumberReader.scales[t[end + 1].lower] == nil
                {
                    value += rest
                    end += 1
                }
            }
            year = false
        }
        return NumberRead(value: value, end: end, inWords: false, looksLikeYear: year)
    }

    private static func readWords(_ t: [Token], at i: Int, spanish: Bool) -> NumberRead? {
        let spanishUnits = spanish ? Self.spanishUnits : [:]
        var total = 0.0
        var current = 0.0
        var k = i
        var any = false
        // "a million", "a hundred", "a dozen", "un millón", "half a million".
        var leadingOne = false
        if (["a", "an"].contains(t[k].lower) || spanish && ["un", "una"].contains(t[k].lower)), k + 1 < t.count,
            ["hundred", "thousand", "million", "billion", "trillion", "dozen", "millón", "mil"].contains(t[k + 1].lower)
        {
            current = 1
            leadingOne = true
            k += 1
        } else if t[k].lower == "half", k + 2 < t.count, ["a", "an"].contains(t[k + 1].lower),
            ["million", "billion", "trillion", "dozen"].contains(t[k + 2].lower)
        {
            current = 0.5
            leadingOne = true
            k += 2
        }
        while k < t.count, t[k].isWord {
            let word = t[k].lower
            // Only a word with a hyphen has parts (splitting every word, or wrapping it in an array,
            // cost an array each).
            let parts = word.utf8.contains(UInt8(ascii: "-")) ? word.split(separator: "-").map(String.init) : nil
            if let parts, parts.count == 2, let tens = englishUnits[parts[0]], let unit = englishUnits[parts[1]],
                tens >= 20, unit < 10
            {
                current += tens + unit
                any = true
            } else if let n = englishUnits[word] ?? spanishUnits[word] {
                current += n
                any = true
            } else if word == "dozen", any || leadingOne {
                current = max(current, 1) * 12
                any = true
            } else if word == "hundred", any || leadingOne {
                current = max(current, 1) * 100
                any = true
            } else if let scale = scales[word], word != "hundred", any || leadingOne,
                spanish || !["mil", "millón", "millones", "billón", "billones"].contains(word)
            {
                if word == "mil", k + 1 < t.count, t[k + 1].lower == "millones" {
                    total += max(current, 1) * 1e9
                    k += 2
                    current = 0
                    any = true
                    continue
                }
                total += max(current, 1) * scale
                current = 0
                any = true
            } else if word == "and", any, k > i,
                ["hundred", "thousand", "million", "billion"].contains(t[k - 1].lower),
                k + 1 < t.count, englishUnits[t[k + 1].lower] != nil || t[k + 1].lower.contains("-")
            {
                // "one hundred and twenty"
            } else if word == "y", any, k > i, let tens = spanishUnits[t[k - 1].lower], tens >= 30, tens < 100,
                k + 1 < t.count, let unit = spanishUnits[t[k + 1].lower], unit < 10
            {
                // "treinta y cinco"
            } else {
                break
            }
            k += 1
        }
        guard any else { return nil }
        return NumberRead(value: total + current, end: k, inWords: true, looksLikeYear: false)
    }
}
