/// Decides which open invoices are paid, how each payment's remittance reads, and what is true of each line.
///
/// About seven invoices in ten are paid. Each line draws one reference noise kind (or none) and, on its
/// own, a discount and a short pay; each payment draws a payer name variant. Traps are added on top, at
/// every noise level: see `ScenarioPlanner+Traps.swift`.
struct ScenarioPlanner {
    var book: ScenarioBook
    var random: ScenarioRandom
    let rates: NoiseRates
    /// Invoices traps hold back: no ordinary line pays them.
    var reserved: Set<Int> = []
    var payments: [PlannedPayment] = []
    var traceCounter = 0

    static let paymentDays = ScenarioDay(year: 2026, month: 12, day: 1)
    /// X12 426 codes payers state with a short pay (pricing, damage, shortage, promotion, freight, returns).
    static let reasonCodes = ["01", "04", "06", "16", "22", "11", "56", "19"]

    init(book: ScenarioBook, random: ScenarioRandom, rates: NoiseRates) {
        self.book = book
        self.random = random
        self.rates = rates
    }

    /// Plans traps first (they reserve invoices), then ordinary payments, then payments sent twice.
    mutating func plan() {
        let expectedLines = book.invoices.count * 7 / 10
        let perTrap = max(1, expectedLines / 200)
        planTraps(count: perTrap)
        for customer in book.customers.indices { planPayments(of: customer) }
        payments = random.shuffled(payments)
        planRepeatedPayments(count: perTrap)
    }

    /// Ordinary payments of one customer: its unreserved invoices, seven in ten paid, in groups.
    mutating func planPayments(of customer: Int) {
        var toPay: [Int] = []
        for index in book.customers[customer].invoices
        where !book.invoices[index].isCreditMemo && !reserved.contains(index) && random.chance(perMille: 700) {
            toPay.append(index)
        }
        let big = book.customers[customer].invoices.count >= 40
        while !toPay.isEmpty {
            let slots = big ? random.within(1...20) : random.within(1...5)
            var lines: [PlannedLine] = []
            for _ in 0..<slots where !toPay.isEmpty {
                let kind = drawReferenceNoise()
                if kind == .totalOnly {
                    let count = min(toPay.count, [1, 2, 3, 4][random.weighted([30, 35, 20, 15])])
                    lines.append(totalOnlyLine(Array(toPay.prefix(count))))
                    toPay.removeFirst(count)
                } else {
                    lines.append(line(paying: toPay.removeFirst(), kind: kind))
                }
            }
            addPayment(customer: customer, lines: lines, payerNoise: true)
        }
    }

    mutating func drawReferenceNoise() -> ReferenceNoise {
        var roll = random.below(1000)
        for (kind, rate) in rates.referenceKinds {
            if roll < rate { return kind }
            roll -= rate
        }
        return .clean
    }

    /// A line paying one invoice, its reference as `kind` garbles it, with a discount and short pay drawn.
    mutating func line(paying index: Int, kind: ReferenceNoise) -> PlannedLine {
        let invoice = book.invoices[index]
        var noise: [String] = kind == .clean ? [] : [kind.rawValue]
        var qualifier = "IV"
        let reference: String
        switch kind {
        case .clean, .totalOnly: reference = invoice.number
        case .zerosDropped: reference = ReferenceGarbling.dropZeros(invoice.number, random: &random)
        case .prefixAdded: reference = ReferenceGarbling.addPrefix(invoice.number, random: &random)
        case .digitsTransposed: reference = ReferenceGarbling.transpose(invoice.number, random: &random)
        case .purchaseOrderInstead:
            reference = invoice.purchaseOrder
            if random.chance(perMille: 500) { qualifier = "PO" }
        }
        var purchaseOrder: String?
        if kind != .purchaseOrderInstead && random.chance(perMille: 300) { purchaseOrder = invoice.purchaseOrder }
        var paid = invoice.amount
        var discount: Cents?
        var adjustments: [PlannedAdjustment] = []
        var statesTotal = random.chance(perMille: 800)
        if random.chance(perMille: rates.discount) {
            let percent: Int64 = invoice.terms == .oneFifteenNet45 ? 1 : 2
            let taken = Cents((invoice.amount.value * percent + 50) / 100)
            discount = taken
            paid = paid - taken
            statesTotal = true
            noise.append("discount")
        }
        if random.chance(perMille: rates.shortPay) {
            let short = shortPayAmount(of: invoice.amount)
            paid = paid - short
            statesTotal = true
            if random.chance(perMille: 700) {
                adjustments.append(PlannedAdjustment(amount: short, code: random.pick(Self.reasonCodes)))
                noise.append("short-pay-stated")
            } else {
                noise.append("short-pay-unstated")
            }
        }
        return PlannedLine(
            qualifier: qualifier, reference: reference, purchaseOrder: purchaseOrder, paid: paid,
            invoiceTotal: statesTotal ? invoice.amount : nil, discount: discount, adjustments: adjustments,
            truth: [invoice.number], pays: [invoice.number], noise: noise, trap: nil)
    }

    /// A line with no invoice reference paying the sum of some open invoices in full.
    mutating func totalOnlyLine(_ indices: [Int]) -> PlannedLine {
        let numbers = indices.map { book.invoices[$0].number }
        let total = indices.reduce(Cents.zero) { $0 + book.invoices[$1].amount }
        return PlannedLine(
            qualifier: "IV", reference: random.chance(perMille: 500) ? "" : "STMT-NOV", purchaseOrder: nil,
            paid: total, invoiceTotal: nil, discount: nil, adjustments: [], truth: numbers, pays: numbers,
            noise: [ReferenceNoise.totalOnly.rawValue], trap: nil)
    }

    /// 2–15 % of the invoice, or a round chargeback, never half of it or more.
    mutating func shortPayAmount(of amount: Cents) -> Cents {
        var short: Cents
        if random.chance(perMille: 500) {
            short = Cents(amount.value * Int64(random.within(2...15)) / 100)
        } else {
            short = Cents(random.pick([2_500, 5_000, 7_500, 12_000, 15_000, 25_000]))
        }
        if short.value * 2 >= amount.value { short = Cents(amount.value / 10) }
        return short.value > 0 ? short : Cents(1)
    }

    /// Adds a payment of `customer`, choosing its format, trace number, date and, when `payerNoise` is set and
    /// drawn, a payer name variant.
    mutating func addPayment(customer: Int, lines: [PlannedLine], payerNoise: Bool) {
        guard !lines.isEmpty else { return }
        let record = book.customers[customer]
        var payer = PlannedPayer(name: record.name, id: record.id, variant: nil)
        var lines = lines
        if payerNoise && random.chance(perMille: rates.payerNamedDifferently) {
            let variant = random.pick(PayerVariant.allCases)
            payer.name = variant.apply(to: record.name, random: &random)
            payer.variant = variant.rawValue
            if random.chance(perMille: 500) { payer.id = nil }
            let label = "payer-" + variant.rawValue + (payer.id == nil ? "-no-id" : "")
            for index in lines.indices { lines[index].noise.append(label) }
        }
        let format = RemittanceFormat.allCases[random.weighted(RemittanceFormat.weights)]
        traceCounter += 1
        let trace: String
        switch format {
        case .x12: trace = "T" + Digits.padded(traceCounter, 8)
        case .camt054, .remt001: trace = "E2E-" + Digits.padded(traceCounter, 8)
        case .ctx: trace = ScenarioCTXWriter.originatingBank + Digits.padded(traceCounter, 7)
        }
        payments.append(
            PlannedPayment(
                customer: customer, payer: payer, format: format, trace: trace,
                date: Self.paymentDays.adding(days: random.below(4)), lines: lines, copyOf: nil))
    }
}
