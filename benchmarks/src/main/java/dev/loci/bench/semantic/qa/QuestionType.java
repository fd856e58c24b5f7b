package dev.loci.bench.semantic.qa;

/** NaVQA's question types: where, when, yes/no, a word, how long. */
enum QuestionType {
    POSITION, TIME, YES_NO, TEXT, DURATION
}
