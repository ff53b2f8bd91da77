//! Integration tests: the whole pipeline and the binary, driven by fixture
//! folders and expected outputs.

mod analyst;
mod cli;
mod common;
mod corpus;
mod crash;
mod hostile;
mod layouts;
mod output;
mod shards;
