"""Guided lessons: one data file per lesson in this folder, every text in every language."""

from lessons.catalog import Lesson, LessonProblem, Step, load_lessons, parse_lesson

__all__ = ["Lesson", "LessonProblem", "Step", "load_lessons", "parse_lesson"]
