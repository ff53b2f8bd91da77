//! Integration tests: the whole pipeline and the binary, driven by fixture
//! folders and expected outputs.

mod analyst;
mod cli;
mod common;
mod corpus;
mod layouts;
mod output;
