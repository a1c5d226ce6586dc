import RemitCore

/// Every problem the BAI2 reader reports, built in one place so codes and wording stay consistent.
///
/// Codes are stable (`bai2.account-total`, `bai2.amount`, ...). Messages quote the offending value; locations
/// name the line, column, byte offset, physical record number and, where one is at fault, the field (`16.2`).
enum BAI2Diagnostics {
    // MARK: Physical layer

    static func lineTooLong(at location: SourceLocation, limit: Int) -> Diagnostic {
        Diagnostic(
            .error, code: "bai2.line-too-long",
            "physical record runs over \(limit) bytes without a line break; skipped up to the next line break",
            at: location, hint: "check that the file is BAI2")
    }

    static func recordTooLong(at location: SourceLocation, limit: Int) -> Diagnostic {
        Diagnostic(
            .warning, code: "bai2.record-too-long",
            "record and its 88 continuations run over \(limit) bytes; the rest of its fields and text is dropped",
            at: location)
    }

    static func notARecord(_ text: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "bai2.not-a-record",
            "line does not start with a two-digit record code and a comma: '\(text)'; skipped", at: location,
            hint: "BAI2 records start with 01, 02, 03, 16, 49, 88, 98 or 99")
    }

    static func unknownRecordCode(_ code: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "bai2.record-code", "unknown record code '\(code)'; the record is skipped", at: location,
            hint: "BAI2 records start with 01, 02, 03, 16, 49, 88, 98 or 99")
    }

    static func orphanContinuation(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "bai2.orphan-continuation", "88 continuation with no record before it to continue; skipped",
            at: location)
    }

    static func strayText(_ text: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "bai2.stray-text", "text after the '/' that ends the record: '\(text)'; ignored",
            at: location)
    }

    // MARK: Fields

    static func badAmount(_ value: String, reason: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "bai2.amount", "'\(value)' is not an amount: \(reason)", at: location,
            hint: "BAI2 amounts are digits in minor units with an optional leading + or -, no decimal point")
    }

    static func badCount(_ value: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, code: "bai2.count", "'\(value)' is not a count; left empty", at: location)
    }

    static func badTypeCode(_ value: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "bai2.type-code", "type code '\(value)' is not three digits", at: location,
            hint: "type codes keep their leading zeros: 010, not 10")
    }

    static func unlistedTypeCode(_ code: BAI2TypeCode, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "bai2.unknown-type-code",
            "type code \(code.code) is not in the type-code table; read by its range as a \(code.direction.rawValue) "
                + "\(code.level.rawValue) (reported once per file)",
            at: location, hint: "add the bank's own codes to mappings/bai2/type-codes.tsv")
    }

    static func badFundsType(_ value: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "bai2.funds-type", "funds type '\(value)' is none of 0, 1, 2, S, V, D, Z; left unknown",
            at: location)
    }

    static func badDate(_ value: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, code: "bai2.date", "'\(value)' is not a date (YYMMDD); left empty", at: location)
    }

    static func badTime(_ value: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "bai2.time", "'\(value)' is not a time (HHMM 0000-2400, 9999, or HH:MM:SS); left empty",
            at: location)
    }

    static func badCurrency(_ value: String, fallback: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "bai2.currency", "currency '\(value)' is not an ISO 4217 code; using \(fallback)",
            at: location)
    }

    static func missingField(_ meaning: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "bai2.missing-field", "\(location.element ?? "field") (\(meaning)) is missing", at: location)
    }

    static func version(_ value: String, at location: SourceLocation) -> Diagnostic {
        if value == "3" {
            return Diagnostic(
                .note, code: "bai2.version", "version 3 (X9 BTRS): read with the BAI2 layout", at: location)
        }
        return Diagnostic(
            .warning, code: "bai2.version", "version '\(value)' is not 2; read as BAI2", at: location)
    }

    /// A group whose status is not 1 (update): what its transactions now are, and what reconciliation does
    /// with them.
    static func groupStatus(_ value: String, at location: SourceLocation) -> Diagnostic {
        let sameGroup = "the same originator, accounts and as-of date"
        let earlierRuns = "a group read in an earlier run is not withdrawn"
        let (message, hint): (String, String?) =
            switch Int(value) {
            case 2:
                (
                    "deletion: its transactions are marked 'deletion' and are not cash, and reconciliation sets "
                        + "aside the credits read before it in the same run for \(sameGroup)",
                    earlierRuns + "; reconcile the deleted file and the deletion together"
                )
            case 3:
                (
                    "correction: its transactions are marked 'correction', and reconciliation sets aside the "
                        + "credits read before it in the same run for \(sameGroup) and counts these instead",
                    earlierRuns + "; reconcile the original file and its correction together"
                )
            case 4: ("test only: its transactions are marked 'test_only' and are not cash", nil)
            default:
                (
                    "not one of 1 (update), 2 (deletion), 3 (correction), 4 (test only); its transactions are read "
                        + "as an update", nil
                )
            }
        return Diagnostic(
            .warning, code: "bai2.group-status", "group status '\(value)' (\(message))", at: location, hint: hint)
    }

    static func negativeDetail(_ value: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "bai2.negative-detail",
            "detail amount '\(value)' is signed negative; read as the opposite direction of its type code",
            at: location, hint: "the direction of a 16 comes from its type code; its amount should be unsigned")
    }

    static func overflow(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, code: "bai2.overflow", "control total overflows 18 digits", at: location)
    }

    // MARK: Structure

    static func unexpectedRecord(_ code: String, reason: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, code: "bai2.unexpected-record", "\(code) record \(reason)", at: location)
    }

    static func detailOutsideAccount(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "bai2.detail-outside-account",
            "16 record outside any account (no 03 before it); its transaction is skipped", at: location)
    }

    static func missingTrailer(
        _ trailer: String, for what: String, openedAt opening: SourceLocation, before reason: String,
        kept: String, at location: SourceLocation
    ) -> Diagnostic {
        Diagnostic(
            .error, code: "bai2.missing-\(trailer)",
            "\(what) (line \(opening.line)) has no \(trailer) trailer \(reason); \(kept)", at: location,
            hint: "the file looks truncated; ask the bank to send it again")
    }

    static func noFileHeader(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "bai2.missing-01", "the file has no 01 file header", at: location,
            hint: "a BAI2 file starts with an 01 record")
    }

    // MARK: Tie-out

    static func totalMismatch(
        _ trailer: String, stated: String, computed: String, what: String, at location: SourceLocation, strict: Bool
    ) -> Diagnostic {
        let name =
            switch trailer {
            case "49": "account"
            case "98": "group"
            default: "file"
            }
        return Diagnostic(
            strict ? .error : .warning, code: "bai2.\(name)-total",
            "\(trailer) control total is \(stated) but \(what) add up to \(computed)", at: location)
    }

    static func countMismatch(
        code: String, element: String, stated: Int, actual: Int, what: String, at location: SourceLocation,
        strict: Bool
    ) -> Diagnostic {
        Diagnostic(
            strict ? .error : .warning, code: code, "\(element) says \(stated) but the file has \(actual) \(what)",
            at: location)
    }
}
