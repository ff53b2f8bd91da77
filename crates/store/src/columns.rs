//! Column builders: domain values to Arrow arrays with their field.

use std::sync::Arc;

use arrow::array::{
    ArrayRef, BooleanArray, Date32Array, Float64Array, Int64Array, ListBuilder, StringArray, StringBuilder,
    StringDictionaryBuilder, UInt32Array,
};
use arrow::datatypes::{DataType, Field, Int32Type};
use chrono::NaiveDate;
use missive_model::PartialDate;

/// A column: its field (with description) and its values.
pub struct Column {
    pub field: Field,
    pub array: ArrayRef,
}

/// Field metadata keys of the codebook, beside `description`.
pub const ALLOWED: &str = "missive.allowed";
pub const EXAMPLE: &str = "missive.example";
pub const JOINS: &str = "missive.joins";
pub const PATTERN: &str = "missive.pattern";

impl Column {
    fn annotate(mut self, key: &str, value: String) -> Self {
        let mut m = self.field.metadata().clone();
        m.insert(key.to_owned(), value);
        self.field.set_metadata(m);
        self
    }

    /// The only values the column holds (stored `|`-separated).
    pub fn allowed<'a>(self, values: impl IntoIterator<Item = &'a str>) -> Self {
        let v: Vec<&str> = values.into_iter().collect();
        self.annotate(ALLOWED, v.join("|"))
    }

    /// A typical value, as the codebook shows it.
    pub fn example(self, example: &str) -> Self {
        self.annotate(EXAMPLE, example.to_owned())
    }

    /// The column references `table.column` (a foreign key).
    pub fn joins(self, target: &str) -> Self {
        self.annotate(JOINS, target.to_owned())
    }

    /// A regular expression every non-null value matches in full.
    pub fn pattern(self, re: &str) -> Self {
        self.annotate(PATTERN, re.to_owned())
    }
}

fn field(name: &str, dt: DataType, nullable: bool, desc: &str) -> Field {
    Field::new(name, dt, nullable)
        .with_metadata(std::collections::HashMap::from([("description".to_owned(), desc.to_owned())]))
}

use missive_model::epoch_days as days;

pub fn string<'a>(name: &str, desc: &str, v: impl IntoIterator<Item = &'a str>) -> Column {
    let a = StringArray::from_iter_values(v);
    Column { field: field(name, DataType::Utf8, false, desc), array: Arc::new(a) }
}

pub fn opt_string<'a>(name: &str, desc: &str, v: impl IntoIterator<Item = Option<&'a str>>) -> Column {
    let a: StringArray = v.into_iter().collect();
    Column { field: field(name, DataType::Utf8, true, desc), array: Arc::new(a) }
}

/// A dictionary-encoded string: for low-cardinality columns.
pub fn dict<'a>(name: &str, desc: &str, v: impl IntoIterator<Item = Option<&'a str>>, nullable: bool) -> Column {
    let mut b = StringDictionaryBuilder::<Int32Type>::new();
    for s in v {
        match s {
            Some(s) => {
                b.append_value(s);
            }
            None => b.append_null(),
        }
    }
    let dt = DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8));
    Column { field: field(name, dt, nullable, desc), array: Arc::new(b.finish()) }
}

pub fn date(name: &str, desc: &str, v: impl IntoIterator<Item = Option<NaiveDate>>) -> Column {
    let a: Date32Array = v.into_iter().map(|d| d.map(days)).collect();
    Column { field: field(name, DataType::Date32, true, desc), array: Arc::new(a) }
}

/// A partial date as stated (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
pub fn partial_date(name: &str, desc: &str, v: &[Option<PartialDate>]) -> Column {
    let s: Vec<Option<String>> = v.iter().map(|d| d.map(|d| d.to_string())).collect();
    opt_string(name, desc, s.iter().map(|s| s.as_deref()))
}

/// The first day of a partial date, as a real date.
pub fn partial_start(name: &str, desc: &str, v: &[Option<PartialDate>]) -> Column {
    date(name, desc, v.iter().map(|d| d.and_then(|d| d.start())))
}

pub fn u32(name: &str, desc: &str, v: impl IntoIterator<Item = u32>) -> Column {
    let a = UInt32Array::from_iter_values(v);
    Column { field: field(name, DataType::UInt32, false, desc), array: Arc::new(a) }
}

/// A signed 64-bit integer: every reader takes it (Spark reads an unsigned
/// one as DECIMAL(20,0)).
pub fn i64(name: &str, desc: &str, v: impl IntoIterator<Item = i64>) -> Column {
    let a = Int64Array::from_iter_values(v);
    Column { field: field(name, DataType::Int64, false, desc), array: Arc::new(a) }
}

pub fn f64(name: &str, desc: &str, v: impl IntoIterator<Item = Option<f64>>, nullable: bool) -> Column {
    let a: Float64Array = v.into_iter().collect();
    Column { field: field(name, DataType::Float64, nullable, desc), array: Arc::new(a) }
}

pub fn boolean(name: &str, desc: &str, v: impl IntoIterator<Item = Option<bool>>, nullable: bool) -> Column {
    let a: BooleanArray = v.into_iter().collect();
    Column { field: field(name, DataType::Boolean, nullable, desc), array: Arc::new(a) }
}

pub fn list<'a, I>(name: &str, desc: &str, v: impl IntoIterator<Item = I>) -> Column
where
    I: IntoIterator<Item = &'a String>,
{
    let mut b = ListBuilder::new(StringBuilder::new()).with_field(Field::new("item", DataType::Utf8, false));
    for row in v {
        for s in row {
            b.values().append_value(s);
        }
        b.append(true);
    }
    let dt = DataType::List(Arc::new(Field::new("item", DataType::Utf8, false)));
    Column { field: field(name, dt, false, desc), array: Arc::new(b.finish()) }
}
