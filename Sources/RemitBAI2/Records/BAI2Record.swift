/// One logical BAI2 record (a record with its 88 continuations), read field by field.
public enum BAI2Record: Sendable, Hashable {
    case fileHeader(BAI2FileHeader)
    case groupHeader(BAI2GroupHeader)
    case accountIdentifier(BAI2AccountIdentifier)
    case detail(BAI2Detail)
    case trailer(BAI2Trailer)
}
