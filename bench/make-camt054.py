#!/usr/bin/env python3
"""Writes a synthetic camt.054.001.08 of about SIZE megabytes to PATH: usage make-camt054.py PATH SIZE.

Entries cycle through shapes Remit meets: a single transaction with two structured invoices and an
adjustment, a batch of three transactions, and a free-text one. Amounts are deterministic.
"""
import sys

path, megabytes = sys.argv[1], int(sys.argv[2])
target = megabytes * 1_000_000
head = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
  <BkToCstmrDbtCdtNtfctn>
    <GrpHdr><MsgId>BENCH-1</MsgId><CreDtTm>2026-12-01T08:00:00</CreDtTm></GrpHdr>
    <Ntfctn>
      <Id>BENCH-NTF-1</Id>
      <Acct><Id><IBAN>DE02120300000000202051</IBAN></Id></Acct>
"""
tail = """    </Ntfctn>
  </BkToCstmrDbtCdtNtfctn>
</Document>
"""


def strd(number, due, remitted, adjustment):
    adjust = ""
    if adjustment:
        adjust = (f'<AdjstmntAmtAndRsn><Amt Ccy="EUR">{adjustment}</Amt><CdtDbtInd>CRDT</CdtDbtInd>'
                  f'<Rsn>4</Rsn><AddtlInf>short delivery</AddtlInf></AdjstmntAmtAndRsn>')
    return (f"""
                <Strd>
                  <RfrdDocInf><Tp><CdOrPrtry><Cd>CINV</Cd></CdOrPrtry></Tp><Nb>INV-{number}</Nb><RltdDt>2026-11-01</RltdDt></RfrdDocInf>
                  <RfrdDocAmt><DuePyblAmt Ccy="EUR">{due}</DuePyblAmt>{adjust}<RmtdAmt Ccy="EUR">{remitted}</RmtdAmt></RfrdDocAmt>
                </Strd>""")


def tx(index, amount, remittance):
    return f"""
          <TxDtls>
            <Refs><EndToEndId>E2E-{index}</EndToEndId><UETR>7d1f6c2a-3b4e-4f5a-8b9c-{index:012d}</UETR></Refs>
            <Amt Ccy="EUR">{amount}</Amt>
            <CdtDbtInd>CRDT</CdtDbtInd>
            <RltdPties><Dbtr><Pty><Nm>Customer {index % 977}</Nm><Id><OrgId><Othr><Id>C{index % 977}</Id></Othr></OrgId></Id></Pty></Dbtr></RltdPties>
            <RmtInf>{remittance}
            </RmtInf>
          </TxDtls>"""


def entry(index):
    shape = index % 3
    if shape == 0:
        body = tx(index, "1450.00", strd(index, "1000.00", "970.00", "30.00") + strd(index + 1, "480.00", "480.00", None))
        total = "1450.00"
    elif shape == 1:
        body = "".join(tx(index * 10 + k, "100.00", strd(index * 10 + k, "100.00", "100.00", None)) for k in range(3))
        total = "300.00"
    else:
        body = tx(index, "75.25", f"<Ustrd>Rechnung {index} vom 01.11.2026</Ustrd>")
        total = "75.25"
    return f"""      <Ntry>
        <Amt Ccy="EUR">{total}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2026-12-01</Dt></BookgDt>
        <ValDt><Dt>2026-12-01</Dt></ValDt>
        <AcctSvcrRef>BANK-{index}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls>{body}
        </NtryDtls>
      </Ntry>
"""


with open(path, "w", encoding="utf-8") as out:
    out.write(head)
    written = len(head)
    index = 0
    while written < target:
        text = entry(index)
        out.write(text)
        written += len(text)
        index += 1
    out.write(tail)
print(f"{path}: {written + len(tail)} bytes, {index} entries")
