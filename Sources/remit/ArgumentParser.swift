/// A small command-line parser: `--name value`, `--name=value`, flags, and positional arguments.
struct ArgumentParser {
    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    private(set) var options: [String: String] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positional: [String] = []

    /// - Parameters:
    ///   - valued: option names that take a value, with their short aliases mapped to the long name.
    ///   - flagNames: option names that take none.
    init(_ arguments: [String], valued: [String: String], flagNames: Set<String>) throws {
        var index = 0
        var onlyPositional = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositional || !argument.hasPrefix("-") || argument == "-" {
                positional.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositional = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            if let canonical = valued[name] {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index < arguments.count else { throw UsageError(description: "\(name) needs a value") }
                    value = arguments[index]
                    index += 1
                }
                // An unset shell variable (`--history "$HISTORY"`) must not pass for a choice: SQLite, for one,
                // takes an empty name as a temporary database that is gone after the run.
                guard !value.isEmpty else { throw UsageError(description: "\(name) needs a value, not an empty one") }
                options[canonical] = value
            } else if flagNames.contains(name), inlineValue == nil {
                flags.insert(name)
            } else {
                throw UsageError(description: "unknown option '\(name)'")
            }
        }
    }
}
