//! Stage 3: analysis. Pure functions over the model, no I/O; one module per method, each
//! citing its source (see the methods notes in each module).

pub mod kano;
