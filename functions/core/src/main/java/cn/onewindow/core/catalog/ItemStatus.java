package cn.onewindow.core.catalog;

/** Whether a version of an item can still be applied for. */
public enum ItemStatus { ACTIVE, CANCELLED }
