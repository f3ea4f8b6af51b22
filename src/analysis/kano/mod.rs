//! Kano classification (METHODS §1).
