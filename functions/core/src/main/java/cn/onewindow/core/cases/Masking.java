package cn.onewindow.core.cases;

/** How identity-card numbers, phone numbers and names are shown where the clear value is not needed. */
public final class Masking {
    private Masking() {
    }

    /** An 18-character number keeps its first 6 (region) and last 4 characters: {@code RRRRRR********NNNN}. */
    public static String idNumber(String id) {
        if (id == null) return null;
        if (id.length() <= 8) return "*".repeat(id.length());
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }

    /** An 11-digit mobile number keeps its first 3 and last 4 digits: {@code 1XX****NNNN}. */
    public static String phone(String phone) {
        if (phone == null) return null;
        if (phone.length() < 7) return "*".repeat(phone.length());
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /** 张三丰 → 张*丰, 李四 → 李*. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) return name;
        int n = name.codePointCount(0, name.length());
        if (n == 1) return name;
        int first = name.offsetByCodePoints(0, 1);
        if (n == 2) return name.substring(0, first) + "*";
        int last = name.offsetByCodePoints(0, n - 1);
        return name.substring(0, first) + "*".repeat(n - 2) + name.substring(last);
    }
}
