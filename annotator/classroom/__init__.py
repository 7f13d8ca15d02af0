"""Classroom and reader views: render an article by label, make worksheets, grade a class."""
