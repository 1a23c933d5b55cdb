"""Filters mean the same thing in Chroma's where clause and in the in-memory check."""

from datetime import date

from index.filters import Filters


def test_empty_filters():
    assert Filters().empty and Filters().chroma_where() is None and Filters().matches({})


def test_date_range_and_kind():
    f = Filters(date_from=date(2016, 1, 1), date_to=date(2018, 12, 31), kinds=("tin tức",))
    assert f.matches({"date_int": 20170220, "kind": "tin tức"})
    assert not f.matches({"date_int": 20150325, "kind": "tin tức"})
    assert not f.matches({"date_int": 0, "kind": "tin tức"})  # undated never passes an upper bound
    assert not f.matches({"date_int": 20170220, "kind": "nghị quyết"})
    where = f.chroma_where()
    assert where["$and"][0] == {"date_int": {"$gte": 20160101}}
    assert {"kind": {"$in": ["tin tức"]}} in where["$and"]


def test_source_prefix():
    f = Filters(sources=("corpus/seeds/",))
    assert f.matches({"source": "corpus/seeds/000.txt"}) and not f.matches({"source": "corpus/charter/x.md"})
    assert f.chroma_where() is None
