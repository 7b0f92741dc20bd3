package cn.onewindow.core.cases;

/**
 * The citizen or company the case is for. ID number and phone are personal data: see {@link Masking}.
 * Without a type, a unified social credit code means a company and anything else a person.
 */
public record Applicant(String name, ApplicantType type, IdType idType, String idNumber, String phone) {
    public Applicant {
        if (type == null) type = idType == IdType.UNIFIED_SOCIAL_CREDIT_CODE ? ApplicantType.COMPANY : ApplicantType.PERSON;
    }
}
