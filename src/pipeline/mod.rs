//! The stages chained with their file I/O, for the commands and for library users: load
//! and check a workshop, read the answer files it refers to, classify a survey file.
//! Nothing here draws or renders.

pub mod classify;
