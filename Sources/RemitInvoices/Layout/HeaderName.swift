/// How header cells and the spellings in a layout are compared: trimmed, case-folded, inner white space
/// runs read as one space.
enum HeaderName {
    static func normalize(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.trimmingWhitespace().lowercased().unicodeScalars {
            if scalar.isSpace {
                pendingSpace = true
                continue
            }
            if pendingSpace {
                result.unicodeScalars.append(" ")
                pendingSpace = false
            }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
