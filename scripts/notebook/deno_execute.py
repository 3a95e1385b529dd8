"""nbconvert's ExecutePreprocessor, made to keep every output of the Deno Jupyter kernel.

Used by scripts/run-notebook.sh:
    PYTHONPATH=scripts/notebook jupyter nbconvert --to notebook \
      --Exporter.preprocessors='["deno_execute.DenoExecutePreprocessor"]' \
      --DenoExecutePreprocessor.enabled=True ... examples/chapter5.ipynb

Why: the Jupyter protocol says a kernel publishes a cell's outputs before its "idle" status, and
nbclient stops reading a cell's outputs at that status. Deno's kernel (checked with 2.9.6) sometimes
publishes a large result (a chart's Vega-Lite spec) a millisecond or two after "idle", mostly when
the machine is busy; nbclient then drops it and the executed notebook silently lacks that chart.
This class reads the cell's messages for `late_output_wait` seconds more and keeps those that
belong to the cell. Errors are not affected: nbclient learns of them from the execute reply.
"""
from queue import Empty
from time import monotonic

from jupyter_core.utils import ensure_async
from nbclient.exceptions import CellExecutionComplete
from nbconvert.preprocessors import ExecutePreprocessor
from traitlets import Float


class DenoExecutePreprocessor(ExecutePreprocessor):
    """Executes a notebook like ExecutePreprocessor, keeping outputs published just after "idle"."""

    late_output_wait = Float(
        1.0,
        help="Seconds to keep reading a cell's outputs after its idle status (late ones arrive within milliseconds).",
    ).tag(config=True)

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        await super()._async_poll_output_msg(parent_msg_id, cell, cell_index)
        deadline = monotonic() + self.late_output_wait
        while True:
            left = deadline - monotonic()
            if left <= 0:
                return
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=left))
            except Empty:
                return
            if msg["parent_header"].get("msg_id") == parent_msg_id:
                try:
                    self.process_message(msg, cell, cell_index)
                except CellExecutionComplete:
                    pass
