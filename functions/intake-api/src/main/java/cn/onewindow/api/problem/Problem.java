package cn.onewindow.api.problem;

import cn.onewindow.core.common.FieldError;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** RFC 9457 problem details with a stable {@code code} and messages in Chinese and English. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, String messageZh,
                      String messageEn, List<FieldError> errors, String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String code, String zh, String en, List<FieldError> errors,
                             String requestId) {
        return new Problem("https://onewindow.cn/problems/" + code.toLowerCase().replace('_', '-'), en, status, en,
                code, zh, en, errors == null || errors.isEmpty() ? null : errors, requestId);
    }
}
