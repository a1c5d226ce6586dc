/// A calendar day, counted from 1970-01-01, with the date texts the scenario's files need.
package struct ScenarioDay: Sendable, Hashable, Comparable {
    package let number: Int

    package init(number: Int) {
        self.number = number
    }

    package init(year: Int, month: Int, day: Int) {
        // Days from civil date (proleptic Gregorian), valid for the years a scenario uses.
        let shifted = month <= 2 ? year - 1 : year
        let era = shifted / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        number = era * 146_097 + dayOfEra - 719_468
    }

    package static func < (left: ScenarioDay, right: ScenarioDay) -> Bool { left.number < right.number }

    package func adding(days: Int) -> ScenarioDay { ScenarioDay(number: number + days) }

    /// Year, month (1–12) and day (1–31).
    package var parts: (year: Int, month: Int, day: Int) {
        let shifted = number + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static let monthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

    /// `2026-11-05`
    package var iso: String {
        let (year, month, day) = parts
        return "\(year)-\(Digits.padded(month, 2))-\(Digits.padded(day, 2))"
    }

    /// `20261105` (X12 CCYYMMDD)
    package var compact: String {
        let (year, month, day) = parts
        return "\(year)\(Digits.padded(month, 2))\(Digits.padded(day, 2))"
    }

    /// `261105` (X12 ISA09, NACHA YYMMDD)
    package var short: String { String(compact.dropFirst(2)) }

    /// `05.11.2026` (SAP with European settings)
    package var dotted: String {
        let (year, month, day) = parts
        return "\(Digits.padded(day, 2)).\(Digits.padded(month, 2)).\(year)"
    }

    /// `11/5/2026` (NetSuite, `M/d/yyyy`)
    package var americanShort: String {
        let (year, month, day) = parts
        return "\(month)/\(day)/\(year)"
    }

    /// `11/05/2026` (QuickBooks, `MM/dd/yyyy`)
    package var american: String {
        let (year, month, day) = parts
        return "\(Digits.padded(month, 2))/\(Digits.padded(day, 2))/\(year)"
    }

    /// `05-NOV-2026` (Oracle)
    package var oracle: String {
        let (year, month, day) = parts
        return "\(Digits.padded(day, 2))-\(Self.monthNames[month - 1])-\(year)"
    }
}

/// Zero-padded decimal text.
enum Digits {
    static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    static func padded(_ value: Int64, _ width: Int) -> String {
        padded(Int(value), width)
    }
}
