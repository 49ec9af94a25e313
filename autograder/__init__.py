"""Release and grade the backpropagation course (instructor-only; never shipped to students)."""
