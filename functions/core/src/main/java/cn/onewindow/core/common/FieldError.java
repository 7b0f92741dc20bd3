package cn.onewindow.core.common;

/** One invalid field of a request: the JSON path of the field, a stable code, and a message in Chinese and English. */
public record FieldError(String field, String code, String messageZh, String messageEn) {
    public static FieldError of(String field, String code, String messageZh, String messageEn) {
        return new FieldError(field, code, messageZh, messageEn);
    }
}
