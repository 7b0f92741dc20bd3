package cn.onewindow.core.cases;

/** 服务对象类型. */
public enum ApplicantType { PERSON, COMPANY }
