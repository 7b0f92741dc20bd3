package cn.onewindow.core.cases;

/** A material handed in, by catalog material code, and the number of copies received. */
public record SubmittedMaterial(String code, int copies) {
}
