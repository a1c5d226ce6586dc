import RemitCore

/// A date format such as `dd.MM.yyyy`, compiled once and matched against whole cells.
///
/// Pattern letters: `yyyy` four-digit year, `yy` two-digit year (00–49 is 20xx, 50–99 is 19xx), `MM` two-digit
/// month, `M` one- or two-digit month, `MMM` English month abbreviation (`Jan`, any case), `dd` two-digit
/// day, `d` one- or two-digit day, and `HH`, `mm`, `ss` for a time of day that is checked and then ignored.
/// Any other character that is not a letter must appear as written. Letters other than these are refused.
public struct DatePattern: Sendable, Hashable, CustomStringConvertible {
    enum Token: Sendable, Hashable {
        case year4, year2, month2, month, monthName, day2, day, hour2, minute2, second2
        case literal(Unicode.Scalar)
    }

    /// The pattern as written in the layout.
    public let pattern: String
    let tokens: [Token]

    /// Why a pattern was refused.
    public struct Invalid: Error, Sendable, Hashable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    private static let letters: [String: Token] = [
        "yyyy": .year4, "yy": .year2, "MM": .month2, "M": .month, "MMM": .monthName, "dd": .day2, "d": .day,
        "HH": .hour2, "mm": .minute2, "ss": .second2,
    ]

    private static let monthNames = [
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    ]

    /// Compiles `pattern`.
    ///
    /// - Throws: `DatePattern.Invalid` for unknown letters or a pattern without exactly one year, month and day.
    public init(_ pattern: String) throws(Invalid) {
        var tokens: [Token] = []
        let scalars = Array(pattern.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar.properties.isAlphabetic else {
                tokens.append(.literal(scalar))
                index += 1
                continue
            }
            var end = index
            while end < scalars.count && scalars[end] == scalar { end += 1 }
            let run = String(String.UnicodeScalarView(scalars[index..<end]))
            guard let token = DatePattern.letters[run] else {
                throw Invalid(reason: "'\(run)' is not a pattern element; use yyyy, yy, MM, M, MMM, dd, d, HH, mm, ss")
            }
            tokens.append(token)
            index = end
        }
        let years = tokens.filter { $0 == .year4 || $0 == .year2 }.count
        let months = tokens.filter { $0 == .month2 || $0 == .month || $0 == .monthName }.count
        let days = tokens.filter { $0 == .day2 || $0 == .day }.count
        guard years == 1, months == 1, days == 1 else {
            throw Invalid(reason: "'\(pattern)' must contain exactly one year, one month and one day element")
        }
        self.pattern = pattern
        self.tokens = tokens
    }

    public var description: String { pattern }

    /// The date `text` names, or nil when it does not match the whole pattern or the day does not exist.
    public func parse(_ text: String) -> CalendarDate? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var year = 0
        var month = 0
        var day = 0

        func digits(min: Int, max: Int) -> Int? {
            var value = 0
            var count = 0
            while count < max, index < scalars.count, (0x30...0x39).contains(scalars[index].value) {
                value = value * 10 + Int(scalars[index].value - 0x30)
                count += 1
                index += 1
            }
            return count >= min ? value : nil
        }

        for token in tokens {
            switch token {
            case .year4: guard let value = digits(min: 4, max: 4) else { return nil }; year = value
            case .year2:
                guard let value = digits(min: 2, max: 2) else { return nil }
                year = value < 50 ? 2000 + value : 1900 + value
            case .month2: guard let value = digits(min: 2, max: 2) else { return nil }; month = value
            case .month: guard let value = digits(min: 1, max: 2) else { return nil }; month = value
            case .day2: guard let value = digits(min: 2, max: 2) else { return nil }; day = value
            case .day: guard let value = digits(min: 1, max: 2) else { return nil }; day = value
            case .hour2: guard let value = digits(min: 2, max: 2), value < 24 else { return nil }
            case .minute2, .second2: guard let value = digits(min: 2, max: 2), value < 60 else { return nil }
            case .monthName:
                guard index + 3 <= scalars.count else { return nil }
                let name = String(String.UnicodeScalarView(scalars[index..<index + 3])).uppercased()
                guard let position = DatePattern.monthNames.firstIndex(of: name) else { return nil }
                month = position + 1
                index += 3
            case .literal(let expected):
                guard index < scalars.count, scalars[index] == expected else { return nil }
                index += 1
            }
        }
        guard index == scalars.count else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}
