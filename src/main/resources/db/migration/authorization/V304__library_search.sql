-- What the Spark Ad posts list is searched by: the post's caption and its creator's names, kept
-- with the binding so the search never reads another module's tables.
alter table post_bindings add column search_text text not null default '';
