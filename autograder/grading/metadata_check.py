"""nbgrader's check of every cell's nbgrader metadata, with its JSON schema checked once.

nbgrader's autograde checks each notebook's cell metadata twice (after sanitising it and after
running it) with ``jsonschema.validate``, which first checks the schema itself against JSON
Schema's metaschema: 0.5 of its 0.6 ms per cell, about 40 ms of every graded notebook spent on
a schema that never changes. ``CheckCellMetadata`` is nbgrader's check with nbgrader's own
validator, whose schema is compiled once per process: the same cells pass and fail
(``tests/pipeline/test_metadata_check.py``). ``nbgrader_api.config`` puts it in place of nbgrader's.
"""

from functools import cache

import jsonschema
from nbgrader.nbgraderformat import MetadataValidator, ValidationError
from nbgrader.nbgraderformat.common import BaseMetadataValidator
from nbgrader.preprocessors import CheckCellMetadata as StockCheckCellMetadata

CORRUPTED = "Notebook failed to validate; the nbgrader metadata may be corrupted."


@cache
def _compiled():
    """A validator of nbgrader's current metadata schema (checked against the metaschema here, once)."""
    schema = MetadataValidator().schema
    kind = jsonschema.validators.validator_for(schema)
    kind.check_schema(schema)
    return kind(schema)


class _SchemaCheckedOnce(BaseMetadataValidator):
    """The schema part of nbgrader's check (its base class's): metadata of the current schema
    version goes to the compiled validator; anything else to nbgrader's own check, which says
    what is wrong with the version."""

    def validate_cell(self, cell) -> None:
        meta = cell.metadata.get("nbgrader")
        if isinstance(meta, dict) and meta.get("schema_version", 0) == MetadataValidator.schema_version:
            error = jsonschema.exceptions.best_match(_compiled().iter_errors(meta))
            if error is not None:
                raise error
            return
        super().validate_cell(cell)


class QuickMetadataValidator(MetadataValidator, _SchemaCheckedOnce):
    """nbgrader's validator of the current schema (its own checks of grade ids, points and cell
    types after the schema's), its schema compiled once."""


class CheckCellMetadata(StockCheckCellMetadata):
    def preprocess(self, nb, resources):
        try:
            QuickMetadataValidator().validate_nb(nb)
        except ValidationError as error:
            self.log.error("%s: %s", CORRUPTED, error)
            raise ValidationError(CORRUPTED) from error
        return nb, resources
