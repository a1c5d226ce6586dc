import RemitCore

/// Every problem the ACH reader reports, built in one place so messages and codes stay consistent.
enum ACHDiagnostics {
    static func shortRecord(length: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "ach.short-record",
            "record is \(length) characters long, not 94; read as if padded with blanks", at: location,
            hint: "NACHA records are exactly 94 characters; an editor may have trimmed trailing blanks")
    }

    static func unknownRecordType(_ code: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "ach.record-type", "'\(code)' is not a NACHA record type; record ignored", at: location,
            hint: "records start with 1 (file header), 5 (batch header), 6 (entry), 7 (addenda), 8 or 9 (controls)")
    }

    static func unexpectedRecord(_ what: String, reason: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, code: "ach.unexpected-record", "\(what) \(reason)", at: location)
    }

    static func badNumber(_ meaning: String, value: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "ach.bad-number", "\(meaning) '\(value)' is not a number", at: location,
            hint: "numeric NACHA fields are zero-filled digits with no sign or decimal point")
    }

    static func badDate(_ meaning: String, value: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, code: "ach.bad-date", "\(meaning) '\(value)' is not a YYMMDD date; left out", at: location)
    }

    static func recordSize(_ value: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "ach.record-size", "file header declares record size '\(value)', not 094; read as 94",
            at: location)
    }

    static func transactionCode(_ value: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "ach.transaction-code",
            "transaction code '\(value)' is not a credit, debit, prenote or return code; entry skipped", at: location,
            hint: "codes end in 2 or 4 (credit), 7 or 9 (debit), 3 or 8 (prenote), 1 or 6 (return)")
    }

    static func entrySkipped(_ reason: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.note, code: "ach.entry-skipped", "entry gives no payment: \(reason)", at: location)
    }

    static func unsupportedSEC(_ sec: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "ach.unsupported-sec",
            "\(sec) entries have a layout of their own that Remit does not read; entry skipped", at: location)
    }

    static func addendaSequence(expected: Int, found: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "ach.addenda-sequence",
            "addenda sequence number '\(found)' where \(String(format4(expected))) was expected; the entry's "
                + "addenda are joined in sequence-number order", at: location)
    }

    static func addendaGap(_ numbers: String, count: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "ach.addenda-gap",
            "the entry's \(count) addenda are numbered \(numbers), not 1 to \(count): one may be lost or doubled",
            at: location)
    }

    static func addendaCount(stated: Int64, actual: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "ach.addenda-count",
            "entry says \(stated) addenda records, \(actual) followed it", at: location)
    }

    static func tooManyAddenda(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "ach.too-many-addenda", "more than 9999 addenda for one entry; the rest are ignored",
            at: location)
    }

    static func addendaEntry(_ found: String, trace: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "ach.addenda-entry",
            "addenda names entry detail sequence '\(found)', but its entry's trace number is \(trace)",
            at: location)
    }

    static func addendaType(_ type: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .note, code: "ach.addenda-type",
            "addenda type '\(type)' carries no remittance (only 05 does); not used", at: location)
    }

    static func controlMismatch(
        _ code: String, what: String, stated: String, computed: String, at location: SourceLocation
    ) -> Diagnostic {
        Diagnostic(
            .warning, code: code, "\(what): control says \(stated), the records add up to \(computed)",
            at: location, hint: "the records are kept; ask the sender for a corrected file if the cash differs")
    }

    static func missingControl(_ record: String, for what: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "ach.missing-control",
            "\(what) has no \(record) control record; what was read is kept", at: location)
    }

    static func noFileHeader(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "ach.no-file-header", "records before any 1 (file header) record", at: location)
    }

    static func ctxAmountMismatch(entry: Money, stated: Money, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "ach.ctx-amount",
            "BPR02 says \(stated), the ACH entry moved \(entry); the payment takes the entry amount", at: location,
            hint: "the difference is the payer's arithmetic, not the bank's: look at the 820's lines")
    }

    static func ctxSeveralPayments(_ count: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "ach.ctx-payments",
            "the CTX entry carries \(count) 820 payments; only the first takes the entry's amount and trace",
            at: location)
    }

    static func remittanceAmount(_ element: String, value: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "ach.remittance-amount",
            "\(element) '\(value)' in the addenda's RMR is not an amount; no line is made of that RMR", at: location)
    }

    static func remittanceWithoutReference(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "ach.rmr-reference",
            "RMR in the addenda has no RMR02 (reference); its line cannot be matched", at: location)
    }

    static func ccdLinesImbalance(entry: Money, lines: Money, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "ach.remittance-imbalance",
            "the entry moves \(entry) but the addenda's RMR lines pay \(lines)", at: location)
    }

    static func ctxNoPayment(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "ach.ctx-no-payment",
            "the 820 in the addenda gave no payment; the entry is kept as a payment without lines", at: location)
    }

    private static func format4(_ value: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }
}
