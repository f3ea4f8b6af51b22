//! Kano survey files: wide, long and aggregated-count layouts (issue: kano classify).
