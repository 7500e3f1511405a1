import PresserCore

/// The unit read after (or before) a number, and the kind of quantity it makes.
struct UnitRead: Sendable, Equatable {
    var kind: Claim.Kind
    var unit: String?
    /// The token after the unit.
    var end: Int
    /// A factor to apply to the value ("a quarter point" is a quarter of a percentage point).
    var factor: Double = 1
}

enum Units {
    /// Currency words, with the ISO 4217 code.
    static let currencyWords: [String: String] = [
        "yuan": "CNY", "rmb": "CNY", "renminbi": "CNY", "dollars": "USD", "dollar": "USD", "euros": "EUR",
        "euro": "EUR", "pesos": "MXN", "peso": "MXN", "yen": "JPY", "pounds": "GBP", "sterling": "GBP",
        "dólares": "USD", "dólar": "USD", "rupees": "INR", "won": "KRW",
    ]
    /// Currency signs before a number.
    static let currencySigns: [String: String] = ["$": "USD", "€": "EUR", "¥": "CNY", "£": "GBP"]
    /// The same by their bytes, for the test made on every sign.
    static let currencySignBytes = PackedWords(currencySigns.keys)

    static let durations: [String: String] = [
        "year": "year", "years": "year", "month": "month", "months": "month", "week": "week", "weeks": "week",
        "day": "day", "days": "day", "hour": "hour", "hours": "hour", "quarter": "quarter", "quarters": "quarter",
        "decade": "year", "decades": "year", "año": "year", "años": "year", "mes": "month", "meses": "month",
        "semana": "week", "semanas": "week", "día": "day", "días": "day", "hora": "hour", "horas": "hour",
        "minute": "minute", "minutes": "minute", "minutos": "minute",
    ]

    /// Measures: word → (kind, symbol).
    static let measures: [String: (Claim.Kind, String)] = [
        "km": (.length, "km"), "kilometers": (.length, "km"), "kilometres": (.length, "km"),
        "kilómetros": (.length, "km"), "miles": (.length, "mi"), "mile": (.length, "mi"),
        "meters": (.length, "m"), "metres": (.length, "m"), "metros": (.length, "m"), "meter": (.length, "m"),
        "centimeters": (.length, "cm"), "centímetros": (.length, "cm"), "cm": (.length, "cm"),
        "feet": (.length, "ft"), "foot": (.length, "ft"), "inches": (.length, "in"),
        "hectares": (.area, "ha"), "hectáreas": (.area, "ha"), "acres": (.area, "acre"), "mu": (.area, "mu"),
        "tons": (.mass, "t"), "tonnes": (.mass, "t"), "toneladas": (.mass, "t"), "kilograms": (.mass, "kg"),
        "kg": (.mass, "kg"), "kilos": (.mass, "kg"), "pounds-weight": (.mass, "lb"),
        "liters": (.volume, "l"), "litres": (.volume, "l"), "litros": (.volume, "l"), "gallons": (.volume, "gal"),
        "barrels": (.volume, "bbl"), "barriles": (.volume, "bbl"),
        "kwh": (.energy, "kWh"), "megawatts": (.energy, "MW"), "gigawatts": (.energy, "GW"), "mw": (.energy, "MW"),
        "gw": (.energy, "GW"), "mph": (.speed, "mph"),
    ]

    /// Reads the unit that follows a number at `i` (after its scale). `currency` is a currency
    /// already read before the number ("$", "RMB").
    static func after(_ t: [Token], at i: Int, currency: String?) -> UnitRead? {
        guard i < t.count else { return currency.map { UnitRead(kind: .currency, unit: $0, end: i) } }
        let w = t[i].lower
        func word(_ k: Int) -> String { k < t.count ? t[k].lower : "" }
        if t[i].is(sign: "%") { return UnitRead(kind: .percent, unit: "%", end: i + 1) }
        if w == "percent" || w == "pct" { return UnitRead(kind: .percent, unit: "%", end: i + 1) }
        if w == "per", word(i + 1) == "cent" { return UnitRead(kind: .percent, unit: "%", end: i + 2) }
        if w == "por", word(i + 1) == "ciento" { return UnitRead(kind: .percent, unit: "%", end: i + 2) }
        if w == "percentage" || w == "puntos" && word(i + 1) == "porcentuales" {
            if ["point", "points"].contains(word(i + 1)) {
                return UnitRead(kind: .percentagePoint, unit: "pp", end: i + 2)
            }
            if w == "puntos" { return UnitRead(kind: .percentagePoint, unit: "pp", end: i + 2) }
        }
        if w == "basis", ["point", "points"].contains(word(i + 1)) {
            return UnitRead(kind: .basisPoint, unit: "bp", end: i + 2)
        }
        if w == "bps" || w == "bp" { return UnitRead(kind: .basisPoint, unit: "bp", end: i + 1) }
        if let currency { return UnitRead(kind: .currency, unit: currency, end: i) }
        if let code = currencyWords[w] {
            // "pounds" of weight is rare in briefings; read it as money.
            return UnitRead(kind: .currency, unit: code, end: i + 1)
        }
        // "millones de pesos", "mil millones de dólares"
        if w == "de", let code = currencyWords[word(i + 1)] { return UnitRead(kind: .currency, unit: code, end: i + 2) }
        if w == "square", ["kilometers", "kilometres", "miles", "meters", "metres", "feet"].contains(word(i + 1)) {
            let symbol =
                [
                    "kilometers": "km2", "kilometres": "km2", "miles": "mi2", "meters": "m2", "metres": "m2",
                    "feet": "ft2",
                ][word(i + 1)] ?? "km2"
            return UnitRead(kind: .area, unit: symbol, end: i + 2)
        }
        if w == "degrees" || w == "grados" {
            let scale = word(i + 1)
            if scale == "fahrenheit" { return UnitRead(kind: .temperature, unit: "°F", end: i + 2) }
            if scale == "celsius" || scale == "centigrade" {
                return UnitRead(kind: .temperature, unit: "°C", end: i + 2)
            }
            return UnitRead(kind: .temperature, unit: "°", end: i + 1)
        }
        if let (kind, symbol) = measures[w] { return UnitRead(kind: kind, unit: symbol, end: i + 1) }
        // "three consecutive years", "two straight quarters"
        if ["consecutive", "straight", "successive", "consecutivos", "consecutivas"].contains(w),
            let unit = durations[word(i + 1)]
        {
            return UnitRead(kind: .duration, unit: unit, end: i + 2)
        }
        if let unit = durations[w] {
            let factor = (w == "decade" || w == "decades") ? 10.0 : 1
            return UnitRead(kind: .duration, unit: unit, end: i + 1, factor: factor)
        }
        // "15-year" as an adjective: glued hyphen then a duration word.
        if t[i].is(sign: "-"), !t[i].spaceBefore, i + 1 < t.count, !t[i + 1].spaceBefore,
            let unit = durations[word(i + 1)]
        {
            return UnitRead(kind: .duration, unit: unit, end: i + 2)
        }
        return nil
    }
}
