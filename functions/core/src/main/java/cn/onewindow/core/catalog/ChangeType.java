package cn.onewindow.core.catalog;

/** Why a new version of an item was made (DB3310/T 58—2019 §5.1.3). */
public enum ChangeType { ADDED, CHANGED, DELEGATED, CANCELLED }
