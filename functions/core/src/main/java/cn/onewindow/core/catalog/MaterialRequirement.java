package cn.onewindow.core.catalog;

/**
 * One material an item requires.
 *
 * @param tolerable 容缺: may be supplied after acceptance; a tolerable material is always mandatory
 *                  (it must arrive before the result is issued).
 */
public record MaterialRequirement(String code, String name, MaterialForm form, int copies,
                                  boolean mandatory, boolean tolerable) {
}
