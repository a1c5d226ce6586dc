/// How log lines are written: readable text or one JSON object per line.
package enum LogFormat: String, Sendable, CaseIterable {
    case text, json
}
