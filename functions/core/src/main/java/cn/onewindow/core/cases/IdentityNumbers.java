package cn.onewindow.core.cases;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** Checks of identity numbers and phone numbers (format and checksum; never logged in clear). */
public final class IdentityNumbers {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();
    private static final Pattern RESIDENT = Pattern.compile("^\\d{17}[0-9X]$");
    private static final Pattern CREDIT_CODE = Pattern.compile("^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$");
    private static final Pattern MOBILE = Pattern.compile("^1[3-9]\\d{9}$");
    private static final Pattern LANDLINE = Pattern.compile("^0\\d{2,3}-?\\d{7,8}$");
    private static final Pattern OTHER_DOCUMENT = Pattern.compile("^[A-Za-z0-9]{5,20}$");

    private IdentityNumbers() {
    }

    /** GB 11643-1999: 18 characters, a valid birth date, and the ISO 7064 MOD 11-2 check character. */
    public static boolean validResidentId(String id) {
        if (id == null || !RESIDENT.matcher(id).matches()) return false;
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)));
            if (birth.getYear() < 1900 || birth.isAfter(LocalDate.of(2100, 1, 1))) return false;
        } catch (DateTimeException | NumberFormatException e) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (id.charAt(i) - '0') * WEIGHTS[i];
        return CHECK[sum % 11] == id.charAt(17);
    }

    public static boolean valid(IdType type, String number) {
        if (type == null || number == null) return false;
        return switch (type) {
            case RESIDENT_ID -> validResidentId(number);
            case UNIFIED_SOCIAL_CREDIT_CODE -> CREDIT_CODE.matcher(number).matches();
            default -> OTHER_DOCUMENT.matcher(number).matches();
        };
    }

    public static boolean validPhone(String phone) {
        return phone != null && (MOBILE.matcher(phone).matches() || LANDLINE.matcher(phone).matches());
    }

    /** The check character a 17-digit prefix needs (used to make valid demo numbers). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        return CHECK[sum % 11];
    }
}
