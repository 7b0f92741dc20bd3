package cn.onewindow.core.catalog;

/** 受理条件: a condition the applicant must meet, with the legal basis quoted when it is not met. */
public record AcceptanceCondition(String code, String description, String legalBasis) {
}
