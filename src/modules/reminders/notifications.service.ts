import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/errors/domain-error.js';
import { Clock } from '../../common/clock.js';
import type { NotificationPage, NotificationsQuery, NotificationView } from './dto/reminder.dto.js';
import { Notification } from './notification.entity.js';

const view = (n: Notification): NotificationView => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  caseId: n.caseId,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt ? n.readAt.toISOString() : null,
});

/** The caller's own in-app notifications; another user's are 404. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(userId: string, q: NotificationsQuery): Promise<NotificationPage> {
    const repo = this.dataSource.getRepository(Notification);
    const where = q.unread ? `n.user_id = :userId AND n.read_at IS NULL` : `n.user_id = :userId`;
    const [items, total] = await repo
      .createQueryBuilder('n')
      .where(where, { userId })
      .orderBy('n.createdAt', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .offset(q.offset)
      .limit(q.pageSize)
      .getManyAndCount();
    return {
      items: items.map(view),
      page: q.page,
      pageSize: q.pageSize,
      total,
      unreadCount: await this.unreadCount(userId),
    };
  }

  async unreadCount(userId: string): Promise<number> {
    const [row]: { n: string }[] = await this.dataSource.query(
      `SELECT count(*) AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return Number(row.n);
  }

  async markRead(userId: string, id: string): Promise<void> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(Notification)
      .set({ readAt: () => `COALESCE(read_at, :now)` })
      .setParameter('now', this.clock.now())
      .where('id = :id AND user_id = :userId', { id, userId })
      .execute();
    if (result.affected !== 1) throw notFound('notification');
  }
}
