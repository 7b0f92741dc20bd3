package cn.onewindow.core.catalog;

/** Whether a material is handed in as an original, a copy, or both. */
public enum MaterialForm {
    ORIGINAL("原件"), COPY("复印件"), ORIGINAL_AND_COPY("原件及复印件");

    private final String chinese;

    MaterialForm(String chinese) { this.chinese = chinese; }

    public String chinese() { return chinese; }
}
