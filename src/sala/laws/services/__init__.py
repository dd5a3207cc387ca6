"""Everything that changes laws and their drafts goes through these modules:
`tracker` (laws, stages, analyses) and `drafts` (importing, editing, publishing versions)."""
