package cn.onewindow.core.catalog;

/** 事项类型. */
public enum ItemType {
    ADMINISTRATIVE_LICENSE("行政许可"),
    PUBLIC_SERVICE("公共服务"),
    OTHER("其他");

    private final String chinese;

    ItemType(String chinese) { this.chinese = chinese; }

    public String chinese() { return chinese; }
}
