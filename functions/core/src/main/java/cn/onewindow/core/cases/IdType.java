package cn.onewindow.core.cases;

/** Identity document types used by the national 好差评 reporting. */
public enum IdType {
    RESIDENT_ID, PASSPORT, HK_MACAO_PERMIT, TAIWAN_PERMIT, FOREIGNER_PERMANENT_RESIDENT, UNIFIED_SOCIAL_CREDIT_CODE, OTHER
}
