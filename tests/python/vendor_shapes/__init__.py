"""Writers of the vendor shapes: each module turns a directory of raw data in the native contract
into the tables a Fivetran connector would have synced for the same records (`write_vendor_shape`),
so one story is written in two shapes. The adapters (models/staging/adapters) must read them back
into exactly the native rows: test_source_adapters compares every kpi_values row."""
