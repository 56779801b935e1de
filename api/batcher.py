"""Micro-batching: concurrent classify calls share one embedding pass, off the event loop.

Calls put their items on a bounded queue and await futures. One worker task
takes up to ``max_batch`` items (waiting at most ``max_wait_ms`` for more to
arrive once the first is there) and runs the model in a single worker thread,
so the event loop stays free and the embedder sees batches instead of single
texts. When the queue is full, :class:`OverloadedError` is raised at once and the
API answers 429 with Retry-After, instead of slowing every caller down.

The model is read once per batch, so swapping it (activating another version)
never fails a request: batches already taken finish on the old model.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from classifier import ClassificationResult, Item, PromptPrismModel
from classifier.errors import OverloadedError


@dataclass
class _Pending:
    item: Item
    future: asyncio.Future[ClassificationResult]


class MicroBatcher:
    """Gathers items from concurrent calls into batches for the model."""

    def __init__(
        self,
        model: PromptPrismModel,
        max_batch: int = 64,
        max_wait_ms: float = 2.0,
        max_queue: int = 2048,
        on_batch: Callable[[int], None] | None = None,
    ) -> None:
        self.model = model
        self.max_batch = max_batch
        self.max_wait = max_wait_ms / 1000.0
        self.max_queue = max_queue
        self.on_batch = on_batch or (lambda size: None)
        self._queue: asyncio.Queue[_Pending] | None = None
        self._worker: asyncio.Task[None] | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="promptprism-model")
        self._seconds_per_item = 0.01
        # While the worker waits for a batch to fill: the future to wake it early, and how many items fill it.
        self._waiter: asyncio.Future[None] | None = None
        self._wanted = 0

    @property
    def depth(self) -> int:
        """Items waiting for the model."""
        return self._queue.qsize() if self._queue is not None else 0

    def start(self) -> None:
        """Start the worker task on the running event loop."""
        self._queue = asyncio.Queue()
        self._worker = asyncio.get_running_loop().create_task(self._run(), name="promptprism-batcher")

    async def stop(self) -> None:
        """Stop the worker; items still queued get a cancelled future."""
        if self._worker is not None:
            self._worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._worker
        while self._queue is not None and not self._queue.empty():
            self._queue.get_nowait().future.cancel()
        self._executor.shutdown(wait=True, cancel_futures=True)

    def swap_model(self, model: PromptPrismModel) -> None:
        """Serve ``model`` from the next batch on."""
        self.model = model

    async def classify(
        self, items: Sequence[Item], return_exceptions: bool = False
    ) -> list[ClassificationResult | BaseException]:
        """Classify ``items`` within shared batches; raises :class:`OverloadedError` when the queue is full.

        With ``return_exceptions``, an item the model could not classify has its exception in its place
        instead of failing the call (a batch route gives it an error entry).
        """
        assert self._queue is not None, "MicroBatcher.start() was not called"
        if len(items) > self.max_queue:
            raise OverloadedError(
                1,
                f"{len(items)} items are more than the classification queue holds ({self.max_queue}); "
                f"split them into calls of at most {self.max_queue} items",
            )
        if self._queue.qsize() + len(items) > self.max_queue:
            retry = max(1, round((self._queue.qsize() + len(items)) * self._seconds_per_item))
            raise OverloadedError(retry)
        loop = asyncio.get_running_loop()
        futures = []
        for item in items:
            future: asyncio.Future[ClassificationResult] = loop.create_future()
            self._queue.put_nowait(_Pending(item, future))
            futures.append(future)
        if self._waiter is not None and not self._waiter.done() and self._queue.qsize() >= self._wanted:
            self._waiter.set_result(None)  # the batch is full: no need to wait out max_wait
        if len(futures) == 1 and not return_exceptions:  # the common single-item call, without gather's extra task
            return [await futures[0]]
        return list(await asyncio.gather(*futures, return_exceptions=return_exceptions))

    def _take(self, batch: list[_Pending]) -> None:
        assert self._queue is not None
        while len(batch) < self.max_batch and not self._queue.empty():
            batch.append(self._queue.get_nowait())

    async def _run(self) -> None:
        assert self._queue is not None
        loop = asyncio.get_running_loop()
        while True:
            batch = [await self._queue.get()]
            self._take(batch)
            if len(batch) < self.max_batch and self.max_wait > 0:
                # One timer per batch (not a wait_for per item): wake at max_wait, or as soon as the batch is full.
                self._waiter = loop.create_future()
                self._wanted = self.max_batch - len(batch)
                timer = loop.call_later(self.max_wait, _wake, self._waiter)
                try:
                    await self._waiter
                except asyncio.CancelledError:  # stopping: these callers get a cancelled future, as queued ones do
                    for pending in batch:
                        pending.future.cancel()
                    raise
                finally:
                    timer.cancel()
                    self._waiter = None
                self._take(batch)
            batch = [p for p in batch if not p.future.cancelled()]
            if not batch:
                continue
            model = self.model
            started = time.perf_counter()
            try:
                results = await loop.run_in_executor(self._executor, model.classify_items, [p.item for p in batch])
            except Exception as exc:  # a model failure fails this batch's callers, not the worker
                if len(batch) == 1:
                    if not batch[0].future.done():
                        batch[0].future.set_exception(exc)
                    continue
                # One member's input can fail the whole pass (text no encoder accepts...): classify each alone,
                # so that only the items that fail by themselves get the error and the others their results.
                settled = await loop.run_in_executor(self._executor, _one_by_one, model, [p.item for p in batch])
                for pending, outcome in zip(batch, settled, strict=True):
                    if pending.future.done():
                        continue
                    if isinstance(outcome, BaseException):
                        pending.future.set_exception(outcome)
                    else:
                        pending.future.set_result(outcome)
                continue
            self._seconds_per_item = 0.8 * self._seconds_per_item + 0.2 * (time.perf_counter() - started) / len(batch)
            self.on_batch(len(batch))
            for pending, result in zip(batch, results, strict=True):
                if not pending.future.done():
                    pending.future.set_result(result)


def _one_by_one(model: PromptPrismModel, items: Sequence[Item]) -> list[ClassificationResult | Exception]:
    outcomes: list[ClassificationResult | Exception] = []
    for item in items:
        try:
            outcomes.append(model.classify_items([item])[0])
        except Exception as exc:
            outcomes.append(exc)
    return outcomes


def _wake(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_result(None)
