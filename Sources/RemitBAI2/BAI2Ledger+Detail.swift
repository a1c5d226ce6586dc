import RemitCore

extension BAI2Ledger {
    /// Adds a 16 to its account's sum and emits it as a bank transaction.
    mutating func addDetail<Sink: RecordSink>(_ detail: BAI2Detail, physical: Int, into sink: inout Sink) {
        counters.count(physical)
        guard counters.hasAccount else {
            sink.report(BAI2Diagnostics.detailOutsideAccount(at: detail.location))
            return
        }
        if let amount = detail.amount { addToAccount(amount, at: detail.location, field: "16.2", into: &sink) }
        if let amount = detail.amount, let refusal = implausible(amount) {
            // The account's control total still counts it; only the transaction is refused.
            sink.report(BAI2Diagnostics.badAmount(String(amount), reason: refusal, at: detail.location.element("16.2")))
            return
        }
        guard let value = Int(detail.typeCode) else { return }  // a bad type code was reported when decoded
        let code = options.typeCodes.classify(value, code: detail.typeCode, inDetail: true)
        if !code.isListed { reportUnlisted(code, value: value, at: detail.location.element("16.1"), into: &sink) }
        var direction: Payment.Direction = code.direction == .debit ? .debit : .credit
        var units = detail.amount ?? 0
        if units < 0 {
            sink.report(BAI2Diagnostics.negativeDetail(String(units), at: detail.location.element("16.2")))
            units = -units
            direction = direction == .credit ? .debit : .credit
        }
        counters.accountTransactions += 1
        var valueDate: CalendarDate?
        if case .valueDated(let date, _) = detail.funds { valueDate = date }
        let transaction = BankTransaction(
            id: idStem + String(detail.location.segmentIndex ?? 0), account: context.account,
            asOfDate: context.asOfDate, valueDate: valueDate, typeCode: detail.typeCode, direction: direction,
            amount: Money(FixedDecimal(units: units, scale: context.scale), context.currency),
            fundsType: detail.funds?.code, bankReference: detail.bankReference,
            customerReference: detail.customerReference, text: detail.text, isReversal: code.isReversal,
            status: context.groupStatus,
            provenance: Provenance(
                location: detail.location, fileSHA256: fileSHA256, envelope: envelopeKeys,
                transactionID: context.transactionID))
        sink.emit(.bankTransaction(transaction))
    }

    /// Why `units` minor units of the account's currency are not a plausible money amount, or nil.
    private func implausible(_ units: Int64) -> String? {
        let value = FixedDecimal(units: units, scale: context.scale)
        do throws(FixedDecimal.ParseFailure) {
            _ = try value.plausibleAmount()
            return nil
        } catch {
            return "\(Money(value, context.currency)) has \(error)"
        }
    }
}
