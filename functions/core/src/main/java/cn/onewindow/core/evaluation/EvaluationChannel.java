package cn.onewindow.core.evaluation;

/** Where a rating was given: a PAD at the window, an evaluator (评价器), a self-service terminal, SMS or the web. */
public enum EvaluationChannel { PAD, EVALUATOR, TERMINAL, SMS, WEB }
